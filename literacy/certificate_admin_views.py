"""Wagtail admin views for certificates: a moderator's list and the revocation form."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .models.certificates import Certificate
from .roles import Role, forbidden, role_required
from .selectors import certificates_for_moderator


class RevokeForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


@role_required(Role.MODERATORS)
def certificate_index(request):
    certificates = certificates_for_moderator(user=request.user)
    query = request.GET.get("q", "").strip()
    if query:
        certificates = certificates.filter(code__iexact=query) | certificates.filter(learner_name__icontains=query)
    return TemplateResponse(
        request, "literacy/admin/certificate_index.html", {"certificates": certificates[:200], "query": query}
    )


@role_required(Role.MODERATORS)
def revoke_certificate(request, pk):
    certificate = get_object_or_404(Certificate, pk=pk)
    if not certificates_for_moderator(user=request.user).filter(pk=certificate.pk).exists():
        return forbidden(request)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.revoke_certificate(certificate=certificate, moderator=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Certificate %(code)s was revoked.") % {"code": certificate.code})
        return redirect("literacy_certificates:index")
    return TemplateResponse(
        request, "literacy/admin/revoke_certificate.html", {"certificate": certificate, "form": form}
    )
