"""A strict Content Security Policy: no inline scripts, nothing from other origins; and
the API's language from the request's Accept-Language."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

DEFAULT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", DEFAULT_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), geolocation=(), microphone=()"
        )
        return response


class ApiLanguageMiddleware:
    """The API answers in the language the client asks for (``Accept-Language``; Dutch when
    it asks for none we have). The pages take theirs from the address (``/en/``), which is
    why Django's LocaleMiddleware gives every address without a prefix, the API's included,
    the site's default."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/api/"):
            return self.get_response(request)
        language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language",))
        return response
