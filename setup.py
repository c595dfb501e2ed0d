"Packaging for pas: metadata and requirements live in settings.ini."
from configparser import ConfigParser
from pathlib import Path
import setuptools

cfg = ConfigParser(delimiters=["="])
cfg.read(Path(__file__).parent / "settings.ini", encoding="utf-8")
cfg = cfg["DEFAULT"]
req = lambda k: cfg.get(k, "").split()

setuptools.setup(
    name=cfg["lib_name"],
    version=cfg["version"],
    description=cfg["description"],
    long_description=(Path(__file__).parent / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author=cfg["author"],
    author_email=cfg["author_email"],
    url=cfg["git_url"],
    license="Apache-2.0",
    keywords=cfg["keywords"].split(),
    python_requires=f">={cfg['min_python']}",
    packages=setuptools.find_packages(include=["pas", "pas.*"]),
    include_package_data=True,
    install_requires=req("requirements"),
    extras_require={"dev": req("dev_requirements"), "gpu": req("gpu_requirements"),
                    "steering": req("steering_requirements"),
                    "all": req("dev_requirements") + req("gpu_requirements")},
    entry_points={"console_scripts": req("console_scripts"), "nbdev": ["pas=pas._modidx:d"]},
    zip_safe=False,
)
