"""An email backend for tests that run a real worker process: each message takes a moment to
send (so a worker can be killed in the middle of a batch) and is then appended, one line per
recipient, to the file named by OGL_TEST_MAIL_FILE."""

import os
import time

from django.core.mail.backends.base import BaseEmailBackend


class SlowFileEmailBackend(BaseEmailBackend):
    def send_messages(self, messages):
        for message in messages:
            time.sleep(float(os.environ.get("OGL_TEST_MAIL_DELAY", "0.4")))
            with open(os.environ["OGL_TEST_MAIL_FILE"], "a", encoding="utf-8") as handle:
                for address in message.to:
                    handle.write(f"{address}\t{message.subject}\n")
                handle.flush()
                os.fsync(handle.fileno())
        return len(messages)
