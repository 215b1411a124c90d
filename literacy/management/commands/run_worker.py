"""`manage.py run_worker`: django-tasks-db's db_worker, with a lease so that the tasks of a worker
that died are run again by another (literacy.jobs). Takes db_worker's options but --reload."""

from django_tasks_db.management.commands import db_worker

from literacy.jobs import run_with_lease


class Command(db_worker.Command):
    help = "Run background tasks; tasks held by a worker that died are put back and run again."

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        worker = db_worker.Worker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        worker.configure_signals()
        run_with_lease(worker)
