import os
import stat
import unittest
from unittest import mock

import support  # noqa: F401  (sys.path)
from inkstand_frame.store import DeviceState, StateStore


class StateStoreTest(unittest.TestCase):
    def setUp(self):
        self.dir = support.temp_dir() / "state"
        self.store = StateStore(self.dir)

    def test_empty_before_the_first_save(self):
        self.assertEqual(self.store.load(), DeviceState())

    def test_round_trip_with_mode_0600(self):
        state = DeviceState(server_url="https://10.0.0.2:8443", fingerprint="sha256:" + "a" * 64, token="t0k", human_id="kmr-tav-bez", shown_version="v1")
        self.store.save(state)
        self.assertEqual(self.store.load(), state)
        self.assertEqual(stat.S_IMODE(os.stat(self.store.path).st_mode), 0o600)

    def test_a_failed_write_leaves_the_old_file_whole_and_no_temp_file(self):
        self.store.save(DeviceState(token="old"))
        with mock.patch("inkstand_frame.store.os.replace", side_effect=OSError("power cut")):
            with self.assertRaises(OSError):
                self.store.save(DeviceState(token="new"))
        self.assertEqual(self.store.load().token, "old")
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), ["state.json"])

    def test_an_unreadable_or_foreign_file_means_starting_fresh(self):
        self.dir.mkdir(parents=True)
        self.store.path.write_text("{not json")
        self.assertEqual(self.store.load(), DeviceState())
        self.store.path.write_text('["a list"]')
        self.assertEqual(self.store.load(), DeviceState())
        self.store.path.write_text('{"token": "x", "unknown": 1, "human_id": 42}')
        self.assertEqual(self.store.load(), DeviceState(token="x"))


if __name__ == "__main__":
    unittest.main()
