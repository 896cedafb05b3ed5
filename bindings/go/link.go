package advanceai

// The only cgo directives of the package (they apply to every file).
//
// The header comes from the repository's include/ directory. The library is linked by
// file name, -l:libadvanceai.a, so that the static library is used even when
// libadvanceai.so sits next to it (a plain -ladvanceai would pick the shared one and the
// program would then need it at run time). Where it lives is the caller's choice:
// CGO_LDFLAGS=-L<dir> (see the package documentation). -l:NAME is understood by GNU ld,
// gold and lld, i.e. on Linux.

// #cgo CFLAGS: -I${SRCDIR}/../../include
// #cgo LDFLAGS: -l:libadvanceai.a -lpthread -ldl -lm
import "C"
