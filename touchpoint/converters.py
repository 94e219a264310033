"""Path converter for database ids in URLs (the API and the learner pages).

Django's `int` converter takes any number of digits; a 25-digit id then reaches
the database and fails there (OverflowError on SQLite: a 500). `<id:...>`
accepts 1 to 18 digits, which always fit a 64-bit column; anything longer is
not an endpoint address and gets the API's 404.
"""

MAX_ID = 10**18 - 1


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
