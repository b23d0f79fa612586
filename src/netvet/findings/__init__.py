"""The finding as the JSON contract says it: `FindingRecord` (typed, kb-resolved), made once from a
`Finding` by `report.records.record_of`, written by `to_json()` and read back, field by field, by
`FindingRecord.from_json()` (the store, the API and the reports read these, never raw dicts)."""
