package backup

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
)

const (
	lockedFormat = "provision-tracker-locked-backup"
	lockedVer    = 1
	kdfName      = "pbkdf2-sha256"
	cipherName   = "aes-256-gcm"

	// DefaultIterations is the PBKDF2-HMAC-SHA-256 work factor for new
	// locked backups (OWASP, 2023).
	DefaultIterations = 600_000
	// maxIterations is the most a file may ask for: a little over what the
	// app writes, so no file can block the page for long while it opens
	// (10,000,000 took 12 seconds in the browser).
	maxIterations = 1_000_000
	saltLen       = 16
	nonceLen      = 12
)

// Work factors, lowered by the tests only.
var (
	iterations    = DefaultIterations
	minIterations = 100_000 // the least a file may ask for when it is opened
)

type kdfParams struct {
	Name       string `json:"name"`
	Iterations int    `json:"iterations"`
	Salt       string `json:"salt"`
}

type cipherParams struct {
	Name  string `json:"name"`
	Nonce string `json:"nonce"`
}

// header is everything in a locked file but the ciphertext; its compact
// JSON is GCM's additional data.
type header struct {
	Format  string       `json:"format"`
	Version int          `json:"version"`
	KDF     kdfParams    `json:"kdf"`
	Cipher  cipherParams `json:"cipher"`
}

type lockedFile struct {
	header
	Ciphertext string `json:"ciphertext"`
}

// deriveKey makes the AES key from the passphrase in NFC, so the same
// passphrase typed on two keyboards opens the file.
func deriveKey(passphrase string, salt []byte, iter int) ([]byte, error) {
	return pbkdf2.Key(sha256.New, normalizePassphrase(passphrase), salt, iter, 32)
}

func seal(plain []byte, passphrase string) ([]byte, error) {
	salt := make([]byte, saltLen)
	nonce := make([]byte, nonceLen)
	rand.Read(salt)
	rand.Read(nonce)
	h := header{
		Format: lockedFormat, Version: lockedVer,
		KDF:    kdfParams{Name: kdfName, Iterations: iterations, Salt: base64.StdEncoding.EncodeToString(salt)},
		Cipher: cipherParams{Name: cipherName, Nonce: base64.StdEncoding.EncodeToString(nonce)},
	}
	aad, _ := json.Marshal(h)
	key, err := deriveKey(passphrase, salt, iterations)
	if err != nil {
		return nil, err
	}
	gcm, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	ct := gcm.Seal(nil, nonce, plain, aad)
	out, err := json.MarshalIndent(lockedFile{h, base64.StdEncoding.EncodeToString(ct)}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// open decrypts a locked file (already known to have the locked format).
func open(data []byte, passphrase string) ([]byte, error) {
	var probe struct {
		Version int `json:"version"`
	}
	if json.Unmarshal(data, &probe) == nil && probe.Version > lockedVer {
		return nil, errNewer
	}
	var f lockedFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil || dec.More() {
		return nil, errDamaged
	}
	if f.Version > lockedVer {
		return nil, errNewer
	}
	if f.Version != lockedVer || f.KDF.Name != kdfName || f.Cipher.Name != cipherName {
		return nil, errDamaged
	}
	if f.KDF.Iterations < minIterations {
		return nil, errDamaged
	}
	if f.KDF.Iterations > maxIterations {
		return nil, errTooMuchWork
	}
	salt, err1 := base64.StdEncoding.DecodeString(f.KDF.Salt)
	nonce, err2 := base64.StdEncoding.DecodeString(f.Cipher.Nonce)
	ct, err3 := base64.StdEncoding.DecodeString(f.Ciphertext)
	if err1 != nil || err2 != nil || err3 != nil || len(salt) != saltLen || len(nonce) != nonceLen || len(ct) < 16 {
		return nil, errDamaged
	}
	if passphrase == "" {
		return nil, errNeedPass
	}
	aad, _ := json.Marshal(f.header)
	key, err := deriveKey(passphrase, salt, f.KDF.Iterations)
	if err != nil {
		return nil, errDamaged
	}
	gcm, err := newGCM(key)
	if err != nil {
		return nil, errDamaged
	}
	plain, err := gcm.Open(nil, nonce, ct, aad)
	if err != nil {
		// GCM cannot tell a wrong passphrase from a changed file.
		return nil, errWrongPass
	}
	return plain, nil
}
