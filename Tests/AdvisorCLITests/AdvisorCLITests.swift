// CLI tests run the built advisor binary.
