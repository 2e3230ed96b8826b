import os
import subprocess
import sys
import unittest

import support

SCRIPT = "import logging; from inkstand_frame.logs import setup_logging; setup_logging('info'); logging.getLogger('x').warning('waiting: server down')"


def stderr_of_run(journal_stream: str | None) -> str:
    """Runs the logging set-up in a child whose stderr is a file; `same` makes JOURNAL_STREAM name that file."""
    env = {k: v for k, v in os.environ.items() if k != "JOURNAL_STREAM"}
    env["PYTHONPATH"] = str(support.REPO / "frame")
    path = support.temp_dir() / "stderr"
    with open(path, "wb") as err:
        if journal_stream == "same":
            st = os.fstat(err.fileno())
            journal_stream = f"{st.st_dev}:{st.st_ino}"
        if journal_stream:
            env["JOURNAL_STREAM"] = journal_stream
        subprocess.run([sys.executable, "-c", SCRIPT], env=env, stderr=err, check=True)
    return path.read_text()


class LogsTest(unittest.TestCase):
    def test_plain_lines_outside_systemd(self):
        self.assertEqual(stderr_of_run(None), "waiting: server down\n")

    def test_syslog_priority_prefix_when_stderr_is_the_journal(self):
        self.assertEqual(stderr_of_run("same"), "<4>waiting: server down\n")

    def test_no_prefix_when_journal_stream_names_another_stream(self):
        self.assertEqual(stderr_of_run("1:2"), "waiting: server down\n")


if __name__ == "__main__":
    unittest.main()
