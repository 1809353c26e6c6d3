"""Fail unless the JUnit report shows browser tests that ran and none that were skipped."""

import sys
import xml.etree.ElementTree as ET

cases = [c for c in ET.parse(sys.argv[1]).iter("testcase") if "browser" in c.get("classname", "")]
skipped = [c for c in cases if c.find("skipped") is not None]
if not cases or skipped:
    print(f"ci: browser tests ran={len(cases) - len(skipped)} skipped={len(skipped)}: failing")
    sys.exit(1)
print(f"ci: {len(cases)} browser tests ran in {sys.argv[1]}")
