package runtime

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// WithServerVariable sets a variable of the API's server URL (see
// DefaultBaseURL), for example a region: the client calls the URL with
// value in its place, for every operation, those with servers of their own
// included. A variable the API lists values for takes only those. Given
// after it, WithBaseURL replaces the whole URL.
func WithServerVariable(name, value string) Option {
	return func(c *Client) error {
		i := slices.IndexFunc(serverVariables, func(v serverVariable) bool { return v.name == name })
		if i < 0 {
			return fmt.Errorf("WithServerVariable: the server URL %q has no variable %q", serverURL, name)
		}
		if enum := serverVariables[i].enum; len(enum) > 0 && !slices.Contains(enum, value) {
			return fmt.Errorf("WithServerVariable: %q is not a value of %q (%s)", value, name, strings.Join(enum, ", "))
		}
		if c.serverVars == nil {
			c.serverVars = make(map[string]string)
		}
		c.serverVars[name] = value
		base, err := c.expand(serverURL)
		if err != nil {
			return fmt.Errorf("WithServerVariable: %w", err)
		}
		c.baseURL = base
		return nil
	}
}

// expand puts the client's server variables, or their defaults, into a
// server URL, and checks that the result is an absolute http or https URL.
func (c *Client) expand(template string) (string, error) {
	pairs := make([]string, 0, 2*len(serverVariables))
	for _, v := range serverVariables {
		value, ok := c.serverVars[v.name]
		if !ok {
			value = v.value
		}
		pairs = append(pairs, "{"+v.name+"}", value)
	}
	raw := strings.NewReplacer(pairs...).Replace(template)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an absolute http or https URL", raw)
	}
	return strings.TrimRight(raw, "/"), nil
}

// base is the URL r is sent to: its operation's own server when it has
// one and WithBaseURL did not replace every server, else the client's.
func (c *Client) base(r *request) (string, error) {
	if r.server == "" || c.baseURLSet {
		return c.baseURL, nil
	}
	return c.expand(r.server)
}
