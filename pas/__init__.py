__version__ = "0.1.0"

# Written by hand (nbdev-export leaves this file alone): `pas.steering` without importing torch on `import pas`.
_LAZY = {"steering": "pas.steer"}

def __getattr__(name):
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pas' has no attribute {name!r}")
