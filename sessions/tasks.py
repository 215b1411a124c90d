"""Background tasks. They take primary keys and are enqueued with transaction.on_commit."""

from django_tasks import task

from . import notifications


@task()
def send_registration_email(*, history_id):
    return notifications.send_history_email(history_id=history_id)


@task()
def send_session_update_email(*, registration_id, sequence):
    return notifications.send_session_update_email(registration_id=registration_id, sequence=sequence)


@task()
def send_session_message(*, message_id, registration_id):
    return notifications.send_session_message(message_id=message_id, registration_id=registration_id)


@task()
def send_reminder_email(*, registration_id, days):
    return notifications.send_reminder_email(registration_id=registration_id, days=days)


@task()
def send_walk_in_welcome(*, registration_id):
    return notifications.send_walk_in_welcome(registration_id=registration_id)
