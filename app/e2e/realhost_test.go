//go:build !js

package e2e

// The README's nginx and Apache recipes, for real: the build's hosting/nginx.conf and
// .htaccess are used as they are (only the folder is changed to the test's), the server
// runs on a loopback port, and the browser opens every page through it, online and then
// offline. Each test is skipped, saying so, where the server is not installed (Debian
// packages nginx-light or nginx, and apache2).

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// freePort finds a loopback port nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startServer runs a web server command until the test ends and waits until it answers.
func startServer(t *testing.T, port int, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	exited := make(chan struct{}) // closed when the server has stopped
	var waitErr error
	go func() { waitErr = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	})
	for end := time.Now().Add(10 * time.Second); ; {
		select {
		case <-exited:
			t.Fatalf("%s stopped: %v\n%s", name, waitErr, out.String())
		default:
		}
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return
		}
		if time.Now().After(end) {
			t.Fatalf("%s does not answer on port %d after 10 s:\n%s", name, port, out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// throughProxy serves the real server's answers, unchanged, from a test server of the
// harness's own, so that stopping it takes the site offline like any other test site.
func throughProxy(t *testing.T, b *builtSite, port int) *site {
	t.Helper()
	target, _ := url.Parse(fmt.Sprintf("http://127.0.0.1:%d", port))
	proxy := httputil.NewSingleHostReverseProxy(target)
	return serveWith(t, b, proxy)
}

// layOut puts the built site where the recipe's root line expects it: at root for "/",
// at root/NAME for the sub-path /NAME/.
func layOut(t *testing.T, b *builtSite) string {
	t.Helper()
	root := t.TempDir()
	if b.prefix == "/" {
		return b.dir
	}
	if err := os.Symlink(b.dir, filepath.Join(root, strings.Trim(b.prefix, "/"))); err != nil {
		t.Fatal(err)
	}
	return root
}

// readableCopy copies the built site to where the recipe's root expects it, in a folder
// that Apache's own user (www-data: Apache refuses to serve as root) can read; the
// harness's folders are for root only.
func readableCopy(t *testing.T, b *builtSite) string {
	t.Helper()
	root, err := os.MkdirTemp("", "pt-e2e-apache-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(root, strings.Trim(b.prefix, "/"))
	err = filepath.WalkDir(b.dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(b.dir, p)
		target := filepath.Join(dest, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return root
}

var nginxRoot = regexp.MustCompile(`(?m)^(\s*root )[^;]+;`)

func TestNginxRecipe(t *testing.T) {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		t.Skip("nginx is not installed (Debian package nginx-light): the nginx recipe is not tested here")
	}
	forEachPrefix(t, func(t *testing.T, prefix string) {
		b := builds.get(t, prefix)
		snippet, err := os.ReadFile(filepath.Join(b.dir, "hosting", "nginx.conf"))
		if err != nil {
			t.Fatal(err)
		}
		root := layOut(t, b)
		if !nginxRoot.Match(snippet) {
			t.Fatal("nginx.conf has no root line to point at the site")
		}
		snippet = nginxRoot.ReplaceAll(snippet, []byte("${1}"+root+";"))
		conf := t.TempDir()
		mime, err := os.ReadFile("/etc/nginx/mime.types")
		if err != nil {
			t.Skip("no /etc/nginx/mime.types")
		}
		os.WriteFile(filepath.Join(conf, "mime.types"), mime, 0o644)
		port := freePort(t)
		main := fmt.Sprintf(`daemon off;
master_process off;
user root;
error_log stderr;
pid %[1]s/nginx.pid;
events {}
http {
    access_log off;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
    server {
        listen 127.0.0.1:%[2]d;
%[3]s
    }
}
`, conf, port, snippet)
		os.WriteFile(filepath.Join(conf, "nginx.conf"), []byte(main), 0o644)
		startServer(t, port, nginx, "-p", conf, "-c", filepath.Join(conf, "nginx.conf"))
		checkRealHost(t, throughProxy(t, b, port))
	})
}

func TestApacheRecipe(t *testing.T) {
	apache, err := exec.LookPath("apache2")
	if err != nil {
		apache = "/usr/sbin/apache2"
		if _, err := os.Stat(apache); err != nil {
			t.Skip("Apache is not installed (Debian package apache2): the Apache recipe is not tested here")
		}
	}
	const modules = "/usr/lib/apache2/modules"
	forEachPrefix(t, func(t *testing.T, prefix string) {
		b := builds.get(t, prefix)
		root := readableCopy(t, b)
		conf := t.TempDir()
		port := freePort(t)
		var load strings.Builder
		for _, m := range []string{"mpm_event", "authz_core", "dir", "mime", "headers", "rewrite", "alias", "env", "setenvif"} {
			fmt.Fprintf(&load, "LoadModule %s_module %s/mod_%s.so\n", m, modules, m)
		}
		main := fmt.Sprintf(`%[1]sServerName localhost
Listen 127.0.0.1:%[2]d
PidFile %[3]s/httpd.pid
ErrorLog /dev/stderr
User www-data
Group www-data
TypesConfig /etc/mime.types
DocumentRoot %[4]s
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory %[4]s>
    AllowOverride All
    Options FollowSymLinks
    Require all granted
</Directory>
`, load.String(), port, conf, root)
		os.WriteFile(filepath.Join(conf, "httpd.conf"), []byte(main), 0o644)
		startServer(t, port, apache, "-X", "-f", filepath.Join(conf, "httpd.conf"), "-DFOREGROUND")
		checkRealHost(t, throughProxy(t, b, port))
	})
}

// checkRealHost checks what the server sends, then opens every page online and, with the
// server gone, offline.
func checkRealHost(t *testing.T, s *site) {
	t.Helper()
	start := get(t, s, "/")
	if start.StatusCode != http.StatusOK {
		t.Fatalf("the start page answers %d", start.StatusCode)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Cache-Control"} {
		if start.Header.Get(h) == "" {
			t.Errorf("the start page comes without %s", h)
		}
	}
	if csp := start.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("policy header %q", csp)
	}
	if res := get(t, s, "/privacy"); res.StatusCode != http.StatusOK {
		t.Errorf("/privacy answers %d", res.StatusCode)
	}
	wasm := get(t, s, "/web/app.wasm")
	if ct := wasm.Header.Get("Content-Type"); ct != "application/wasm" {
		t.Errorf("app.wasm is served as %q", ct)
	}
	if enc := wasm.Header.Get("Content-Encoding"); enc != "gzip" {
		t.Errorf("app.wasm is not served from its .gz copy (Content-Encoding %q)", enc)
	}
	if res := get(t, s, missingRoute); res.StatusCode != http.StatusNotFound {
		t.Errorf("%s answers %d, want 404", missingRoute, res.StatusCode)
	}

	tb := s.newTab(t, nil)
	tb.allowConsoleError(s.url(missingRoute), "404")
	for _, p := range s.pages {
		tb.navigate(p.route)
		tb.expectPage(p)
	}
	tb.navigate(missingRoute)
	tb.expectPage(s.notFound)
	tb.navigate("/")
	tb.waitForServiceWorker()
	s.stop()
	for _, p := range s.pages {
		tb.navigate(p.route)
		tb.expectPage(p)
	}
	deep := pageNamed(t, s, "/summary")
	tb.reload()
	tb2 := s.newTab(t, tb)
	tb2.navigate(deep.route)
	tb2.reload()
	tb2.expectPage(deep)
}
