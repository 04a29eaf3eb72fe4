"""Question -> reply: the answerer (parse -> engine -> render), pasted usage, the CLI JSON data, and rendering of
each answer kind as plain text and Block Kit. Pure of I/O: no Slack calls, no database."""
