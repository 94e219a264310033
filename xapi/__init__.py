"""xAPI reporting: vocabulary, statement builders, LRS backends."""
