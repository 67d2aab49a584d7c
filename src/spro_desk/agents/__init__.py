"""The desk's agents: accounts with a PIN or password, roles, and the session of the one at the
desk. No Qt here: the first-run assistant, the window and the tests call the same functions."""
