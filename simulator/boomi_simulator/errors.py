"""The one error type handlers raise; the app turns it into Boomi's error body."""


class ApiError(Exception):
    """A Boomi-style error answer: HTTP status plus a message naming the problem."""

    def __init__(self, status, message, headers=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def bad_request(message):
    return ApiError(400, message)
