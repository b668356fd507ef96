"""The binding the worker calls: bounds on what a view works on."""

import json

from widgets.binding import MAX_FIELDS, MAX_TEXT, bounded, handle


def test_the_binding_bounds_a_huge_paste_and_says_so():
    # Issue 10: a 1 MB paste made every view take ~9 s in Pyodide.
    state = {"company": "Acme " * 200_000, "your_name": "Ana"}
    reply = json.loads(handle(json.dumps({"widget": "thank-you-note", "options": {}, "state": state})))
    view = reply["view"]
    assert view["errors"]["company"] == "Only the first 10,000 characters of this field are used."
    assert "your_name" not in view["errors"]
    body = view["repeats"]["notes"][0]["outputs"]["body"]
    assert "Acme" in body and len(body) < 3 * MAX_TEXT  # the company is named twice


def test_the_binding_bounds_the_number_of_fields():
    state = {f"f{i}": "x" for i in range(MAX_FIELDS * 10)}
    assert len(bounded(state)[0]) == MAX_FIELDS
