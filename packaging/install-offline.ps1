<#
.SYNOPSIS
Install OT 62443 Workbook from a wheelhouse (packaging/wheelhouse.py) on a Windows laptop with no network:
a virtual environment, the wheels (pip --no-index), an ot62443.cmd launcher and a Start-menu shortcut.

.PARAMETER Wheelhouse
Folder made by wheelhouse.py for win_amd64 (wheels, SHA256SUMS, this script).

.PARAMETER Venv
Where the virtual environment goes, e.g. $env:LOCALAPPDATA\OT62443Workbook\venv

.PARAMETER Python
Interpreter to build the venv from (default: the newest 3.11+ the py launcher knows, else python.exe on PATH).

.PARAMETER NoShortcut
Skip the Start-menu shortcut.

.EXAMPLE
powershell -ExecutionPolicy Bypass -File install-offline.ps1 -Wheelhouse E:\wheelhouse -Venv $env:LOCALAPPDATA\OT62443Workbook\venv
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$Wheelhouse,
    [Parameter(Mandatory = $true)][string]$Venv,
    [string]$Python = "",
    [switch]$NoShortcut
)
Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"

function Fail([string]$Message) {
    Write-Error "install-offline: $Message" -ErrorAction Continue
    exit 1
}

function Invoke-Checked([string]$What, [string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { Fail "$What failed (exit $LASTEXITCODE)" }
}

if (-not (Test-Path -LiteralPath $Wheelhouse -PathType Container)) { Fail "${Wheelhouse}: no such folder" }
$Wheelhouse = (Resolve-Path -LiteralPath $Wheelhouse).Path
if (-not (Get-ChildItem -LiteralPath $Wheelhouse -Filter "ot62443_workbook-*.whl")) {
    Fail "${Wheelhouse}: no ot62443_workbook wheel (run packaging/wheelhouse.py --platform win_amd64)"
}
$pipWheel = Get-ChildItem -LiteralPath $Wheelhouse -Filter "pip-*.whl" | Sort-Object Name | Select-Object -Last 1
if (-not $pipWheel) { Fail "${Wheelhouse}: no pip wheel (run packaging/wheelhouse.py)" }

# Find a Python 3.11+: the one named, else the py launcher's newest, else python.exe on PATH.
if (-not $Python) {
    if (Get-Command py -ErrorAction SilentlyContinue) {
        $Python = (& py -3 -c "import sys; print(sys.executable)").Trim()
    } elseif (Get-Command python -ErrorAction SilentlyContinue) {
        $Python = (Get-Command python).Source
    } else {
        Fail "no Python found; install Python 3.11+ for all users from the offline installer, or pass -Python"
    }
}
& $Python -c "import sys; sys.exit(sys.version_info < (3, 11))"
if ($LASTEXITCODE -ne 0) { Fail "$Python is not Python 3.11 or newer" }

# The copy on the USB stick must be the one that was built.
$sums = Join-Path $Wheelhouse "SHA256SUMS"
if (Test-Path -LiteralPath $sums) {
    foreach ($line in Get-Content -LiteralPath $sums) {
        if (-not $line.Trim()) { continue }
        $expected, $name = $line -split "\s+\*?", 2
        $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath (Join-Path $Wheelhouse $name)).Hash.ToLowerInvariant()
        if ($actual -ne $expected.ToLowerInvariant()) { Fail "${name}: checksum does not match SHA256SUMS; copy the folder again" }
    }
    Write-Host "checked SHA256SUMS"
}

# Only the wheelhouse counts: a pip.ini on the laptop (extra indexes, find-links) must not change what is installed.
$env:PIP_CONFIG_FILE = "nul"
$env:PIP_DISABLE_PIP_VERSION_CHECK = "1"
$env:PIP_NO_INPUT = "1"

# --without-pip, then pip from the wheelhouse, as on Linux: the same steps everywhere, no ensurepip needed.
Invoke-Checked "creating the venv" $Python @("-m", "venv", "--without-pip", $Venv)
$Venv = (Resolve-Path -LiteralPath $Venv).Path
$venvPython = Join-Path $Venv "Scripts\python.exe"
Invoke-Checked "installing pip from the wheelhouse" $venvPython @(
    (Join-Path $pipWheel.FullName "pip"), "install", "--quiet", "--no-index", "--find-links", $Wheelhouse, "pip")
Invoke-Checked "pip install (was the wheelhouse built for win_amd64 and this Python version?)" $venvPython @(
    "-m", "pip", "install", "--no-index", "--find-links", $Wheelhouse, "ot62443-workbook")
$cli = Join-Path $Venv "Scripts\ot62443.exe"
$version = (& $cli --version)
if ($LASTEXITCODE -ne 0) { Fail "the installed ot62443 does not start" }

# ot62443.cmd beside the venv: the command line, for a folder the user can put on PATH.
$binDir = Split-Path -Parent $Venv
$launcher = Join-Path $binDir "ot62443.cmd"
Set-Content -LiteralPath $launcher -Encoding ASCII -Value @(
    "@echo off",
    "rem OT 62443 Workbook launcher, written by install-offline.ps1",
    "`"$cli`" %*")

if (-not $NoShortcut) {
    # The GUI through pythonw.exe (no console window); the icon is rendered from the package's SVG by Qt itself.
    $icon = Join-Path $binDir "ot62443.ico"
    $render = "import sys; from importlib.resources import files; from PySide6.QtGui import QGuiApplication, QIcon; " +
              "app = QGuiApplication(['x']); svg = files('ot62443_desktop.resources') / 'icons' / 'ot62443.svg'; " +
              "sys.exit(0 if QIcon(str(svg)).pixmap(256, 256).save(sys.argv[1], 'ICO') else 1)"
    $env:QT_QPA_PLATFORM = "offscreen"
    & $venvPython -c $render $icon
    $iconOk = ($LASTEXITCODE -eq 0)
    Remove-Item Env:QT_QPA_PLATFORM
    $programs = [Environment]::GetFolderPath("Programs")
    $shell = New-Object -ComObject WScript.Shell
    $link = $shell.CreateShortcut((Join-Path $programs "OT 62443 Workbook.lnk"))
    $link.TargetPath = Join-Path $Venv "Scripts\pythonw.exe"
    $link.Arguments = "-m ot62443_desktop gui"
    $link.WorkingDirectory = [Environment]::GetFolderPath("MyDocuments")
    $link.Description = "OT 62443 Workbook: IEC 62443 zone assessments, offline"
    if ($iconOk) { $link.IconLocation = "$icon,0" }
    $link.Save()
    Write-Host "Start-menu shortcut: $(Join-Path $programs 'OT 62443 Workbook.lnk')"
}

Write-Host "installed $version into $Venv"
Write-Host "launcher:   $launcher"
