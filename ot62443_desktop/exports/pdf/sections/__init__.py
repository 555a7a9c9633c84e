"""The plan's sections, in reading order: front matter, executive summary, roadmap, zones and
program, appendices. Each turns its part of PlanContent into flowables through a Composer."""
