// The privacy area's front door: people's data rights across every area, and what organisers
// need to know and report (ADR 0024).
