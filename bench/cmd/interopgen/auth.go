package main

import (
	"sort"

	"go.yaml.in/yaml/v3"
)

// auth is where the document's API keys go: oapi-codegen's client repeats
// these (and Authorization) from what nexmogen's client sent.
type auth struct {
	Headers, Query, Cookies []string
}

// apiKeys reads the apiKey security schemes of a document (YAML or JSON).
func apiKeys(data []byte) (auth, error) {
	var doc struct {
		Components struct {
			SecuritySchemes map[string]struct {
				Type string `yaml:"type"`
				In   string `yaml:"in"`
				Name string `yaml:"name"`
			} `yaml:"securitySchemes"`
		} `yaml:"components"`
	}
	var a auth
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return a, err
	}
	for _, s := range doc.Components.SecuritySchemes {
		if s.Type != "apiKey" {
			continue
		}
		switch s.In {
		case "header":
			a.Headers = append(a.Headers, s.Name)
		case "query":
			a.Query = append(a.Query, s.Name)
		case "cookie":
			a.Cookies = append(a.Cookies, s.Name)
		}
	}
	sort.Strings(a.Headers)
	sort.Strings(a.Query)
	sort.Strings(a.Cookies)
	return a, nil
}
