"""The assistive-technology side of the AT-SPI test: what Orca would get, read with pyatspi.

Runs in the system's python3 (pyatspi is a Debian package, python3-pyatspi), not in the
project's virtual environment. Listens to announcements and focus events; each time the
application shows a screen, walks the accessibility tree of its window and reports labels
whose text is hidden by a name, and focusable objects without a name.

Usage: python3 atspi_client.py FOLDER
"""

import json
import sys
from pathlib import Path

import pyatspi
from gi.repository import GLib

APP_NAME = "SPRO Desk"
# Their rows and cells are data, not tab stops; walking them over D-Bus would take minutes.
SKIPPED_INSIDE = {
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_MENU_BAR,
    pyatspi.ROLE_COMBO_BOX,
}
MAX_NODES = 4000


def _text(node):
    try:
        text = node.queryText()
    except NotImplementedError:
        return None
    return text.getText(0, -1)


def _app():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == APP_NAME:
            return app
    return None


def audit(report):
    app = _app()
    if app is None:
        report["errors"].append("application not found on the AT-SPI bus")
        return {"hidden": [], "unnamed": [], "nodes": 0}
    hidden, unnamed, stack, seen = [], [], list(app), 0
    while stack and seen < MAX_NODES:
        node = stack.pop()
        if node is None:
            continue
        seen += 1
        states = node.getState()
        if not states.contains(pyatspi.STATE_SHOWING):
            continue
        role, name = node.getRole(), (node.name or "").strip()
        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        # A focusable read-only text (the service's sheet) is read whole when focused.
        if role == pyatspi.ROLE_LABEL and not focusable:
            text = (_text(node) or "").strip()
            if text and " ".join(name.split()) != " ".join(text.split()):
                hidden.append(f"{text[:60]!r} read as {name[:60]!r}")
        enabled = states.contains(pyatspi.STATE_ENABLED)
        if focusable and enabled and not name and role != pyatspi.ROLE_PAGE_TAB:
            unnamed.append(node.getRoleName())
        if role not in SKIPPED_INSIDE:
            stack.extend(list(node))
    return {"hidden": hidden, "unnamed": unnamed, "nodes": seen}


def _find(node, role, name, depth=0):
    """The first showing object of that role and name under `node` (tables are not entered)."""
    if node is None or depth > 40:
        return None
    if node.getRole() == role and (node.name or "") == name:
        return node
    if node.getRole() in SKIPPED_INSIDE:
        return None
    for child in node:
        found = _find(child, role, name, depth + 1)
        if found is not None:
            return found
    return None


def read_table(report, name):
    """A table's column headers and first row as a screen reader gets them."""
    table = _find(_app(), pyatspi.ROLE_TABLE, name)
    if table is None:
        report["errors"].append(f"table {name!r} not found")
        return {"headers": [], "first_row": []}
    cells = table.queryTable()
    columns = range(cells.nColumns)
    headers = [(cells.getColumnHeader(c).name or "") for c in columns]
    first = [(cells.getAccessibleAt(0, c).name or "") for c in columns] if cells.nRows else []
    return {"headers": headers, "first_row": first}


def main(folder):
    report = {"announcements": [], "focus": [], "screens": {}, "tables": {}, "errors": []}

    def on_event(event):
        kind = event.type
        if kind.startswith("object:announcement"):
            report["announcements"].append(str(event.any_data))
        elif kind.startswith("object:state-changed:focused") and event.detail1:
            source = event.source
            report["focus"].append([source.getRoleName(), source.name or ""])

    pyatspi.Registry.registerEventListener(
        on_event, "object:announcement", "object:state-changed:focused"
    )
    (folder / "ready").write_text("1")

    def poll():
        for marker in sorted(folder.glob("screen-*")):
            name = marker.read_text()
            if name not in report["screens"]:
                report["screens"][name] = audit(report)
                (folder / f"ack-{name}").write_text("1")
        for marker in sorted(folder.glob("table-*")):
            name = marker.read_text()
            if name not in report["tables"]:
                report["tables"][name] = read_table(report, name)
                (folder / f"ack-{marker.name}").write_text("1")
        if (folder / "done").exists():
            GLib.timeout_add(2000, finish)
            return False
        return True

    def finish():
        (folder / "client.json").write_text(json.dumps(report), encoding="utf-8")
        pyatspi.Registry.stop()
        return False

    GLib.timeout_add(200, poll)
    GLib.timeout_add_seconds(300, finish)  # never hang the test run
    pyatspi.Registry.start()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
