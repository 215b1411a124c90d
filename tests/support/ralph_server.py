"""Run Ralph's LRS (its real API, authentication, validation, file-system storage and queries)
for the tests, with the Python of Ralph's own virtualenv:

    RALPH_AUTH_FILE=… RALPH_RUNSERVER_BACKEND=fs RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=… \\
        .ralph-venv/bin/python tests/support/ralph_server.py PORT

Two differences from `ralph runserver`, which the tests cannot use as it is: no auto-reloader
(it watches the working directory from a child process), and the file-system store appends.
Ralph 5.1's file-system LRS creates its file on the first write and refuses every later one
("already exists and overwrite is not allowed with operation_type create"), so as shipped it
holds one statement request; appending is the mode its data backend already supports."""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    from ralph.api import app

    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
