"""The Databricks SDKs' and CLI's own resolution test cases, ported as data
(tests/sdk_cases/cases.json, one fixture home per config file): each case runs
`dbcurl --explain` on a path-only URL (or the case's url) with the case's environment, arguments
and ~/.databrickscfg, and checks the SDK's outcome, or dbcurl's documented
refusal where it differs on purpose. Nothing is sent in any case."""

import json
import os
import shutil
import unittest

from harness import SandboxTest

CASES_DIR = os.path.join(os.path.dirname(__file__), "..", "sdk_cases")
CASES = json.load(open(os.path.join(CASES_DIR, "cases.json")))["cases"]
URL = "/api/2.0/clusters/list"


class SdkCases(SandboxTest):
    def run_case(self, case):
        # No databricks CLI: the token comes from what the case gives; the
        # Azure CLI cases have a stub az (sdk_cases/bin/az).
        self.sandbox.env["PATH"] = (os.path.join(CASES_DIR, "bin") + ":" if case.get("az") else "") + "/usr/bin:/bin"
        config = self.sandbox.path(".databrickscfg")
        if "home" in case:
            shutil.copy(os.path.join(CASES_DIR, "homes", case["home"], ".databrickscfg"), config)
            os.chmod(config, 0o600)
        url = case.get("url", URL)  # an absolute URL: the host picks its profile (docs/resolution.md rule 4)
        run = self.dbcurl(*case.get("args", []), "--explain", url, env=case.get("env", {}))
        expect = {key: value.replace("$CFG", config) if isinstance(value, str) else value
                  for key, value in case["expect"].items()}
        self.assertEqual(run.code, expect["code"], run.out + run.err)
        if expect["code"] == 0:
            self.assertIn(f"workspace: {expect['host']} (from ", run.out)
            self.assertIn(f"Request 1: GET {expect['host'] + url if url.startswith('/') else url}", run.out)
            if expect.get("not_obtained"):  # a helper or token request: --explain names it and runs nothing
                self.assertIn(f"auth: bearer token from {expect['token_from']}, not obtained under --explain\n", run.out)
            else:
                self.assertRegex(run.out, r"auth: bearer token \S+ from " + expect["token_from"].replace(".", r"\.")
                                 .replace("[", r"\[").replace("]", r"\]") + "\n")
        else:
            self.assertIn(expect["message"], run.err)
            self.assertNotIn("Request 1:", run.out)
        for line in as_list(expect.get("explain")):
            self.assertIn(line, run.out)
        for line in as_list(expect.get("no_explain")):
            self.assertNotIn(line, run.out)
        if "warning" in expect:
            self.assertIn(expect["warning"], run.err.replace("Warning: ", "").replace("\n", ""))
        if "no_warning" in expect:
            self.assertNotIn(expect["no_warning"], run.err)


def as_list(value):
    return [] if value is None else [value] if isinstance(value, str) else value


def _add_case(case):
    def test(self):
        self.run_case(case)

    test.__doc__ = "; ".join(case["source"])
    setattr(SdkCases, "test_" + case["id"].replace("-", "_").replace(".", "_"), test)


for _case in CASES:
    _add_case(_case)


if __name__ == "__main__":
    unittest.main()
