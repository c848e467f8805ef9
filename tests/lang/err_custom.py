# Uncaught user-defined exception with a message.
class ConfigError(Exception):
    pass


def load(name):
    if not name.endswith(".cfg"):
        raise ConfigError("bad config file name: " + name)
    return name


print(load("a.cfg"))
load("b.txt")
