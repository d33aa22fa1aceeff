package kinfuzz_test

import (
	"net/http"
	"net/url"
	"testing"
)

// bodySeeds are bodies of every operation, valid and invalid, by path.
var bodySeeds = map[string][]string{
	"/tagged": {`{"kind":"cat","lives":9}`, `{"kind":"dog","bark":"w"}`, `{"kind":"cow"}`, `{"kind":"cat","lives":10}`,
		`{"kind":"dog","bark":"","lives":1}`, `null`, `[]`},
	"/implicit": {`{"vehicle":"Car","wheels":4}`, `{"vehicle":"Boat","sails":0}`, `{"vehicle":"Car","wheels":5}`,
		`{"vehicle":"car","wheels":3}`, `{"vehicle":"Boat","sails":-1}`},
	"/shape":  {`{"radius":1}`, `{"side":0}`, `{"radius":1,"side":1}`, `{}`, `{"radius":-1}`, `{"side":"1"}`},
	"/either": {`{"name":"ann"}`, `{"number":3}`, `{"name":"ann","number":3}`, `{"name":"annannann"}`, `{}`, `{"number":1.5}`},
	"/scalars": {`{"ident":"a","label":"abc","amount":100,"shapes":[{"radius":2}]}`, `{"ident":1,"label":false,"amount":"12"}`,
		`{"ident":""}`, `{"ident":0}`, `{"ident":true}`, `{"label":"abcd"}`, `{"amount":101}`, `{"amount":"1.5"}`,
		`{"shapes":[{"radius":1,"side":1}]}`, `{"ident":null}`},
	"/nullables": {`{"must":null}`, `{"must":1,"name":"ab","color":"red","at":"2024-01-02T03:04:05Z","owner":{"name":"x"},"tags":["a",null],"counts":{"a":1,"b":null}}`,
		`{"must":null,"name":null,"color":null,"at":null,"owner":null,"tags":null,"counts":null}`, `{}`, `{"must":0}`,
		`{"must":null,"name":"A"}`, `{"must":null,"color":"blue"}`, `{"must":null,"at":"x"}`, `{"must":null,"tags":["abc"]}`,
		`{"must":null,"tags":[null,null,null]}`, `{"must":null,"owner":{}}`, `{"must":null,"counts":{"a":"1"}}`},
	"/maps": {`{}`, `{"labels":{"a":"x","b":""}}`, `{"any":[1,{"x":null}],"loose":{"a":null},"open":{"b":true}}`,
		`{"parts":{"p":{"n":"ab"}}}`, `{"mixed":{"id":1,"x":0,"y":9}}`, `{"labels":{}}`, `{"labels":{"a":"","b":"","c":""}}`,
		`{"labels":{"a":"abcd"}}`, `{"loose":"s"}`, `{"parts":{"p":{}}}`, `{"mixed":{"x":1}}`, `{"mixed":{"id":1,"x":-1}}`,
		`{"mixed":{"id":1,"x":"a"}}`, `{"open":[]}`, `{"any":null}`, `{"any":null,"labels":{}}`},
	"/formats": {`{"at":"2024-02-29T23:59:59.5+05:30"}`,
		`{"at":"2024-01-01T00:00:00Z","day":"2024-02-29","opens":"08:30:00Z","lasts":"P1D","raw":"aGk=","id":"123e4567-e89b-12d3-a456-426614174000",` +
			`"mail":"a@b.c","site":"https://x.org/a","v4":"192.0.2.1","v6":"2001:db8::1","host":"example.com","ids":["00000000-0000-0000-0000-000000000000"]}`,
		`{}`, `{"at":"2024-01-01"}`, `{"at":"2024-01-01T00:00:00Z","day":"2023-02-29"}`, `{"at":"2024-01-01T00:00:00Z","raw":"!!"}`,
		`{"at":"2024-01-01T00:00:00Z","id":"x"}`, `{"at":"2024-01-01T00:00:00Z","mail":"no-at"}`, `{"at":"2024-01-01T00:00:00Z","v4":"::1"}`,
		`{"at":"2024-01-01T00:00:00Z","v6":"1.2.3.4"}`, `{"at":"2024-01-01T00:00:00Z","ids":["x"]}`,
		`{"at":"2024-01-01T00:00:00Z","mail":""}`, `{"at":"2024-01-01T00:00:00Z","raw":""}`, `{"at":"2024-01-01T00:00:00Z","raw":"aGk"}`,
		`{"at":"2024-01-01T00:00:00Z","raw":"a-_="}`, `{"at":"2024-01-01T00:00:00Z","raw":"aG\nk="}`, `{"at":"2016-12-31T23:59:60Z"}`,
		`{"at":"2024-01-01T00:00:00Z","site":"no scheme"}`, `{"at":"2024-01-01T00:00:00Z","opens":"25:00:00Z"}`,
		`{"at":"2024-01-01T00:00:00Z","lasts":"P"}`, `{"at":"2024-01-01T00:00:00Z","host":"-a.b"}`,
		// Go's zero time, a date-time like any other (the fuzz found it refused).
		`{"at":"0001-01-01T00:00:00Z"}`, `{"at":"0001-01-01T00:00:00+00:00"}`, `{"at":null}`},
	"/rules": {`{"five":10,"half":1.5,"tenth":0.3,"level":2,"ratio":0.5,"yes":true,"mode":"on"}`, `{"mode":null}`,
		`{"five":7}`, `{"half":1.25}`, `{"level":4}`, `{"ratio":1}`, `{"yes":false}`, `{"mode":"up"}`,
		`{"level":0}`, `{"ratio":0}`, `{"yes":false}`, `{"five":0}`,
		`{"five":5.0}`, `{"five":1e1,"level":2.0}`, `{"five":5,"five":6}`, `{"five":5} {}`},
	"/access": {`{"pass":"p"}`, `{"pass":"p","note":"n"}`, `{}`, `{"id":"x","pass":"p"}`, `{"pass":"p","count":1}`, `{"pass":""}`},
	"/tree": {`{}`, `{"name":"ab","children":[{"name":"cd"}],"byName":{"x":{"name":"xy"}},"parent":{"name":"pq"}}`,
		`{"children":[{"name":"a"}]}`, `{"byName":{"x":{"parent":{"name":"a"}}}}`, `{"name":""}`, `{"children":[{"name":""}]}`},
	"/closed": {`{"id":1}`, `{"id":1,"note":"n","child":{"id":2},"pick":{"a":1},"open":{"n":"ab","x":1}}`, `{"id":1,"x":1}`,
		`{"id":1,"ID":2}`, `{"id":1,"child":{"id":2,"y":null}}`, `{"id":1,"pick":{"b":2}}`, `{"id":1,"pick":{}}`,
		`{"id":1,"pick":{"a":1,"b":2}}`, `{"id":1,"pick":{"c":3}}`, `{"child":{"id":1}}`},
}

// FuzzBodiesAgainstKin posts any body to any JSON operation of
// kinfuzz.yaml: the generated server and kin-openapi must agree on
// valid versus invalid.
func FuzzBodiesAgainstKin(f *testing.F) {
	for i, path := range bodyOps {
		for _, b := range bodySeeds[path] {
			f.Add(uint8(i), []byte(b))
		}
	}
	f.Fuzz(func(t *testing.T, op uint8, body []byte) {
		agree(t, call{method: http.MethodPost, path: bodyOps[int(op)%len(bodyOps)], body: body})
	})
}

// FuzzQueryAgainstKin sends any values of GET /query's parameters (date-time,
// date, uuid, integer and boolean enums, multipleOf, ipv4): the i-th value
// is sent when bit i of present is set.
func FuzzQueryAgainstKin(f *testing.F) {
	f.Add(uint8(0xff), "2024-01-02T03:04:05Z", "2024-02-29", "123e4567-e89b-12d3-a456-426614174000", "2", "true", "10", "1.5", "192.0.2.1")
	f.Add(uint8(0xff), "2024-01-02", "2023-02-29", "x", "4", "false", "7", "1.25", "256.0.0.1")
	f.Add(uint8(0), "", "", "", "", "", "", "", "")
	f.Add(uint8(1), "0001-01-01T00:00:00Z", "", "", "", "", "", "", "")
	f.Add(uint8(0x28), "", "", "", "0", "", "0", "", "")
	f.Fuzz(func(t *testing.T, present uint8, at, day, id, level, flag, step, ratio, v4 string) {
		q := url.Values{}
		for i, v := range []string{at, day, id, level, flag, step, ratio, v4} {
			if present&(1<<i) != 0 {
				q.Set(queryNames[i], v)
			}
		}
		agree(t, call{method: http.MethodGet, path: "/query", query: q})
	})
}
