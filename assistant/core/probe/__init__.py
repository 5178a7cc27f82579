"""One module per mail protocol, sharing one stage runner."""
