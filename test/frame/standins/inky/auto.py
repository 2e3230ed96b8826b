"""Stand-in for `inky.auto`: the board is named by INKY_STANDIN_MODEL instead of read from an EEPROM."""
import os

from . import inky_ac073tc1a, inky_e640, inky_e673, inky_el133uf1, inky_uc8159

BOARDS = {
    "e673": lambda: inky_e673.Inky(resolution=(800, 480)),
    "el133uf1": lambda: inky_el133uf1.Inky(resolution=(1600, 1200)),
    "ac073tc1a": lambda: inky_ac073tc1a.Inky(resolution=(800, 480)),
    "uc8159-5.7": lambda: inky_uc8159.Inky(resolution=(600, 448)),
    "uc8159-4": lambda: inky_uc8159.Inky(resolution=(640, 400)),
    "e640": lambda: inky_e640.Inky(resolution=(600, 400)),
}


def auto(i2c_bus=None, ask_user=False, verbose=False):
    model = os.environ.get("INKY_STANDIN_MODEL", "e673")
    if model not in BOARDS:
        raise RuntimeError("No EEPROM detected! You must manually initialise your Inky board.")
    return BOARDS[model]()
