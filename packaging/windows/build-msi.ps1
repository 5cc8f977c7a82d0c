# Builds Wheelhouse's Windows installer (.msi) with jpackage into packaging\target\msi\, on Windows with a
# JDK 17+, Maven and the WiX Toolset 3 (candle.exe, light.exe) on PATH: the same runtime modules and JVM
# options as packaging/build-installers (Linux), and an .ico packed from icons\'s PNGs. Not built on the
# project's Linux machines; no class-data-sharing archive (the Linux installers dump theirs where the app is
# installed). Run: powershell -ExecutionPolicy Bypass -File packaging\windows\build-msi.ps1
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

mvn -B -q -DskipTests package
if ($LASTEXITCODE) { throw 'mvn package failed' }
$version = ([regex]'(?m)^  <version>([0-9.]+)').Match((Get-Content pom.xml -Raw)).Groups[1].Value
# One list of JVM options for every launcher: read it from the file the Linux scripts source.
$jvmOptions = ([regex]'WHEELHOUSE_JVM_OPTIONS=\(([^)]*)\)').Match((Get-Content packaging\jvm-options.sh -Raw)).Groups[1].Value
$out = 'packaging\target'
Remove-Item -Recurse -Force "$out\input", "$out\msi" -ErrorAction SilentlyContinue
New-Item -ItemType Directory "$out\input" | Out-Null
Copy-Item app\target\wheelhouse.jar "$out\input\"
Copy-Item -Recurse app\target\lib "$out\input\lib"

# jdk.crypto.ec: ECDSA for TLS is found as a security provider, which no class names (see build-installers).
Push-Location "$out\input"
$classPath = (Get-ChildItem lib\*.jar | ForEach-Object { "lib\$($_.Name)" }) -join ';'
$modules = (jdeps --print-module-deps --ignore-missing-deps --multi-release 17 --class-path $classPath wheelhouse.jar) + ',jdk.crypto.ec'
Pop-Location
if ($LASTEXITCODE) { throw 'jdeps failed' }

# An .ico is a directory of images; since Windows Vista they may be PNGs as they are, 256 written as 0.
$sizes = 16, 32, 48, 256
$pngs = $sizes | ForEach-Object { ,[IO.File]::ReadAllBytes((Resolve-Path "icons\wheelhouse-$_.png")) }
$ico = New-Object IO.BinaryWriter ([IO.File]::Create((Join-Path (Resolve-Path $out) 'Wheelhouse.ico')))
$ico.Write([uint16]0); $ico.Write([uint16]1); $ico.Write([uint16]$sizes.Count)
$offset = 6 + 16 * $sizes.Count
for ($i = 0; $i -lt $sizes.Count; $i++) {
  $side = [byte]($sizes[$i] % 256)
  $ico.Write($side); $ico.Write($side); $ico.Write([byte]0); $ico.Write([byte]0)
  $ico.Write([uint16]1); $ico.Write([uint16]32); $ico.Write([uint32]$pngs[$i].Length); $ico.Write([uint32]$offset)
  $offset += $pngs[$i].Length
}
$pngs | ForEach-Object { $ico.Write($_) }
$ico.Close()

# The upgrade UUID stays the same across versions, so that a newer .msi replaces an installed older one.
jpackage --type msi --dest "$out\msi" --name Wheelhouse --app-version $version --vendor Wheelhouse `
  --description 'A desktop Kubernetes cluster explorer that teaches.' `
  --input "$out\input" --main-jar wheelhouse.jar --main-class dev.wheelhouse.Main --add-modules $modules `
  --jlink-options '--strip-debug --no-header-files --no-man-pages' --java-options $jvmOptions `
  --icon "$out\Wheelhouse.ico" --win-menu --win-menu-group Wheelhouse --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid 61a97bb3-4e05-4646-a432-808648f2b272
if ($LASTEXITCODE) { throw 'jpackage failed' }
Get-ChildItem "$out\msi\*.msi"
