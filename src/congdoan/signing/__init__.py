"""Digital signatures on the papers units issue (PAdES, pyHanko) and checks of uploaded PDFs."""
