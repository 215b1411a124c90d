"""Write locale_overrides/en/LC_MESSAGES/django.po: django-allauth's English headings and buttons
in sentence case, as Canada.ca writes them, and "Register" for sign-up, as the site header says.
Rerun after upgrading allauth:
    .venv/bin/python scripts/make_allauth_en_overrides.py && make messages
"""

from pathlib import Path

import polib

TARGET = Path(__file__).resolve().parent.parent / "locale_overrides" / "en" / "LC_MESSAGES" / "django.po"
SENTENCE = {
    "Sign In": "Sign in",
    "Signup": "Register",
    "Change Password": "Change password",
    "Sign Up": "Register",
    "Password Reset": "Password reset",
    "Verify Your Email Address": "Verify your email address",
    "Recovery Codes": "Recovery codes",
    "Security Keys": "Security keys",
    "Change Phone": "Change phone",
    "Sign Up Closed": "Registration closed",
    "Sign Out": "Sign out",
    "Set Password": "Set password",
    "Login Cancelled": "Sign-in cancelled",
    "Email Addresses": "Email addresses",
    "Email Address": "Email address",
    "Deactivate Authenticator App": "Deactivate authenticator app",
    "Confirm Email Address": "Confirm email address",
    "Confirm Access": "Confirm access",
    "Authenticator App": "Authenticator app",
    "Activate Authenticator App": "Activate authenticator app",
    "Account Inactive": "Account inactive",
    "Account Connections": "Account connections",
    "Request Code": "Request code",
    "Remove Security Key": "Remove security key",
    "Phone Verification": "Phone verification",
    "Passkey Sign Up": "Register with a passkey",
    "Enter Sign-In Code": "Enter sign-in code",
    "Enter Phone Verification Code": "Enter phone verification code",
    "Enter Password Reset Code": "Enter password reset code",
    "Enter Email Verification Code": "Enter email verification code",
    "Email Verification": "Email verification",
    "Edit Security Key": "Edit security key",
    "Create Passkey": "Create passkey",
    "Change Email": "Change email",
    "Bad Token": "Invalid link",
    "Add Security Key": "Add security key",
    "Add Email": "Add email",
    "Add Email Address": "Add email address",
    "Two-Factor Authentication": "Two-factor authentication",
}
po = polib.POFile()
po.metadata = {
    "Content-Type": "text/plain; charset=UTF-8",
    "Language": "en",
    "MIME-Version": "1.0",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}
po.header = "Written by scripts/make_allauth_en_overrides.py; edit that, not this file."
for msgid, msgstr in SENTENCE.items():
    po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
TARGET.parent.mkdir(parents=True, exist_ok=True)
po.save(str(TARGET))
