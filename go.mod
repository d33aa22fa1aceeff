module github.com/nexmogen/nexmogen

go 1.26.8

require (
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/getkin/kin-openapi v0.153.0 // indirect
)
