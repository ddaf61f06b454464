//go:build !js

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"provisiontracker/branding"
	"provisiontracker/statichost"
)

const usage = `Provision Tracker

Usage:
  provision-tracker build -out DIR [-prefix /path/] [-web web] [-brand FILE] [-url ADDRESS]
      Write the complete static site into DIR (web/app.wasm must be built),
      branded by the config FILE (see branding/example/branding.conf), with
      a QR code and poster for the site's public ADDRESS.
  provision-tracker serve [-addr :8000] [-dir dist] [-prefix /]
      Serve a built site, like a static host would.
  provision-tracker estimate [--json] [--similar] [--today YYYY-MM-DD] CASE.json...
      Print the itemised remedy estimate for each case file; with --similar,
      the nearest Ombudsman decisions instead.
`

// runCommand runs one subcommand and returns the process exit code.
func runCommand(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "estimate":
		return runEstimate(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "dist", "folder to write the site into (emptied first)")
	prefix := fs.String("prefix", "/", "URL path the site is hosted under, e.g. /provision-tracker/")
	web := fs.String("web", "web", "folder with app.wasm and the static assets")
	useBrotli := fs.Bool("brotli", true, "also write .br copies (slow for app.wasm; needs the brotli tool)")
	brandFile := fs.String("brand", "", "branding config file for a charity's copy (see branding/example/branding.conf)")
	address := fs.String("url", "", "public address of the site, e.g. https://tracker.example.org/ (for the QR code; overrides the config's address)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	o := buildOptions{prefix: *prefix, useBrotli: *useBrotli, address: *address}
	if *brandFile != "" {
		c, err := branding.Load(*brandFile)
		if err != nil {
			fmt.Fprintln(stderr, "build failed: the branding config is not right:", err)
			return 1
		}
		o.brand = c
	}
	prefixSet := false
	fs.Visit(func(f *flag.Flag) { prefixSet = prefixSet || f.Name == "prefix" })
	a := o.address
	if a == "" {
		a = o.brand.Brand.Address
	}
	if !prefixSet && a != "" {
		// The address says where the site lives: no need to say it twice.
		o.prefix = prefixOf(a)
	}
	s, err := buildSiteWith(*out, *web, o)
	if err != nil {
		fmt.Fprintln(stderr, "build failed:", err)
		return 1
	}
	fmt.Fprintf(stdout, "built %s (version %s, prefix %s, %d files)\n", *out, s.version, s.prefix, s.files)
	if !o.brand.Brand.IsZero() {
		fmt.Fprintf(stdout, "branded for %s\n", o.brand.Brand.Name)
	}
	if s.address != "" {
		fmt.Fprintf(stdout, "QR code and poster for %s in %s/web/share/\n", s.address, *out)
	}
	return 0
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8000", "address to listen on")
	dir := fs.String("dir", "dist", "built site to serve")
	prefix := fs.String("prefix", "/", "URL path the site was built for")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if _, err := os.Stat(*dir + "/index.html"); err != nil {
		fmt.Fprintf(stderr, "no built site in %s: run `make static` first\n", *dir)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "cannot listen:", err)
		return 1
	}
	// Like Netlify or Cloudflare Pages: with the headers of the build's _headers file.
	var opt statichost.Options
	if data, err := os.ReadFile(*dir + "/_headers"); err == nil {
		if opt.Headers, err = statichost.ParseHeaders(data); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	srv := &http.Server{Handler: statichost.HandlerWith(*dir, *prefix, opt), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(stdout, "Provision Tracker is at http://localhost:%d%s (Ctrl+C to stop)\n",
		ln.Addr().(*net.TCPAddr).Port, normalizePrefix(*prefix))
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "server stopped:", err)
		return 1
	}
	return 0
}
