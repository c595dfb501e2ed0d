"Packaging for pas: metadata and requirements live in settings.ini."
from configparser import ConfigParser
from pathlib import Path
import shutil
import setuptools
from setuptools.command.build_py import build_py

cfg = ConfigParser(delimiters=["="])
cfg.read(Path(__file__).parent / "settings.ini", encoding="utf-8")
cfg = cfg["DEFAULT"]
req = lambda k: cfg.get(k, "").split()

# Files a wheel carries inside the package, for use outside a checkout (pas.config.shipped_path finds them):
# the papermill notebooks, the configs and the grids.
HERE = Path(__file__).parent
SHIPPED = {"notebooks": ["nbs/90_experiment.ipynb", "nbs/91_analysis.ipynb"],
           "configs": sorted(str(p.relative_to(HERE)) for p in (HERE / "configs").glob("*.yaml")),
           "grids": sorted(str(p.relative_to(HERE)) for p in (HERE / "grids").glob("*.yaml"))}


class BuildWithShipped(build_py):
    "The usual build, plus the shipped notebooks, configs and grids copied into pas/<folder>/."
    def run(self):
        super().run()
        for folder, names in SHIPPED.items():
            dest = Path(self.build_lib) / "pas" / folder
            dest.mkdir(parents=True, exist_ok=True)
            for name in names: shutil.copyfile(HERE / name, dest / Path(name).name)


setuptools.setup(
    cmdclass={"build_py": BuildWithShipped},
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
