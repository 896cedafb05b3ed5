module github.com/advanceai/advanceai/bindings/go

go 1.19
