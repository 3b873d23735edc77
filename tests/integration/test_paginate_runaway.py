"""--paginate against servers that do not stop (issue 12 item 8): a repeated
page token is an error, -m bounds the whole run, many pages merge in order
(spooled, not held in memory), and a retried page starts over. Pages that
cannot be merged end the run without writing an incomplete document."""

import json
import os
import time
import uuid

from integration.test_main_job import WorkspaceTest


class PaginateRunaway(WorkspaceTest):
    def setUp(self):
        super().setUp()
        self.use_environment()

    def test_repeated_page_token_is_an_error(self):
        for silent in (["-s"], []):
            with self.subTest(silent=silent):
                self.workspace.clear()
                run = self.dbcurl(*silent, "--paginate", "/api/2.0/test/repeat-token", timeout=30)
                self.assertEqual(run.code, 108, run.err)
                self.assertEqual(run.out, "")
                self.assertIn("gave a page token an earlier page gave", run.err)
                self.assertEqual(len(self.workspace.requests), 2)

    def test_a_later_page_that_is_not_json_writes_nothing(self):
        out = self.sandbox.path("jobs.json")
        for silent in (["-s"], []):
            with self.subTest(silent=silent):
                run = self.dbcurl(*silent, "--paginate", "-o", out, "/api/2.0/test/html-page2", timeout=30)
                self.assertEqual(run.code, 109, run.err)
                self.assertIn("page 2 is not a JSON object", run.err)
                self.assertFalse(os.path.exists(out), "an incomplete document was written")

    def test_a_post_body_that_is_not_json_writes_nothing(self):
        run = self.dbcurl("-s", "--paginate", "-d", "filter=x", "/api/2.0/test/html-page2", timeout=30)
        self.assertEqual(run.code, 109, run.err)
        self.assertEqual(run.out, "")
        self.assertIn("request body is not a JSON object", run.err)

    def test_max_time_bounds_the_whole_run(self):
        started = time.monotonic()
        # 50 ms a page: the 10,000-page limit is 500 s away, so only -m can end this run.
        run = self.dbcurl("-s", "-m", "2", "--paginate", "/api/2.0/test/endless?delay=0.05", timeout=60)
        elapsed = time.monotonic() - started
        self.assertEqual(run.code, 28, run.err)
        self.assertEqual(run.out, "")
        self.assertLess(elapsed, 15)
        self.assertGreater(len(self.workspace.requests), 1)

    def test_many_pages_merge_in_order(self):
        out = self.sandbox.path("items.json")
        run = self.dbcurl("-s", "--paginate", "--paginate-max", "300", "-o", out, "/api/2.0/test/endless",
                          timeout=120)
        self.assertEqual(run.code, 0, run.err)
        with open(out) as handle:
            self.assertEqual(json.load(handle), {"items": list(range(1, 301))})

    def test_a_retried_page_starts_over(self):
        run = self.dbcurl("-s", "--retry", "2", "--paginate", f"/api/2.0/test/busy?id={uuid.uuid4()}", timeout=60)
        self.assertEqual(run.code, 0, run.err)
        self.assertEqual(json.loads(run.out), {"ok": True})
