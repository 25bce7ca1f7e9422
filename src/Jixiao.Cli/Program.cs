// Placeholder entry point so the solution builds on the review branch; the lead wires the real commands.
// On merge, prefer main's Program.cs if it has one.
return 0;
