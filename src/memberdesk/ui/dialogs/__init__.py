"""Small modal screens that ask one thing and give the answer back."""
