"""Notifications record failed sends (status, attempts, last error). Rows that existed were sent:
they are added as "sent" so that no reminder goes out twice; new rows start "pending"."""

import literacy.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("learning_sessions", "0002_sessionpage_registrations"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="attempts"),
        ),
        migrations.AddField(
            model_name="notification",
            name="last_error",
            field=models.TextField(blank=True, verbose_name="last error"),
        ),
        migrations.AddField(
            model_name="notification",
            name="status",
            field=models.CharField(
                choices=[("pending", "Pending"), ("sent", "Sent"), ("failed", "Failed")],
                default="sent",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="status",
            field=models.CharField(
                choices=[("pending", "Pending"), ("sent", "Sent"), ("failed", "Failed")],
                default="pending",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="sent_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="sessionpage",
            name="facilitators",
            field=models.CharField(
                blank=True,
                max_length=300,
                validators=[literacy.validators.validate_single_line],
                verbose_name="facilitators",
            ),
        ),
        migrations.AlterField(
            model_name="sessionpage",
            name="venue",
            field=models.CharField(
                blank=True, max_length=200, validators=[literacy.validators.validate_single_line], verbose_name="venue"
            ),
        ),
    ]
