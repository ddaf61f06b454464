package main

// book is the caseBook the page tests in this package work on: each test
// sets it (see freshBook) and gives it to the pages it builds, as main
// gives its book to every page. Tests that use it must not run in parallel.
var book = &caseBook{}
