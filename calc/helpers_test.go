package calc

import (
	"os"
	"path/filepath"
)

func readTestdata(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("testdata", "seeds", name))
}

// hasPath reports whether a problem is about the field at path.
func hasPath(probs []FieldError, path string) bool {
	for _, p := range probs {
		if p.Path == path {
			return true
		}
	}
	return false
}
