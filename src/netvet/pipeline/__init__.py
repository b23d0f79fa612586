"""The pipeline DESIGN.md draws: read -> attribute -> determine -> findings, as the row path
(`scan`) and the streaming path (`stream`) the commands drive."""
