"""The pytest plugin of fulian_core: rule test cases kept as data (``*.rulecases.json``) run as
tests. Installed with fulian_core and registered through pytest's ``pytest11`` entry point.

It lives beside the library, not in it, because it reads files: fulian_core itself does no
I/O.
"""
