"""PyInstaller hook: publicsuffixlist reads its bundled public_suffix_list.dat at run time."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("publicsuffixlist", includes=["*.dat"])
