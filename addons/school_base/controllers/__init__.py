from . import main
from . import webmanifest
