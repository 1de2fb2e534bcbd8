"""Care programmes: who a programme supported, with what and from which source, as itemised
lists or as a union's totals (never both), rolled up over the programme's tree."""
