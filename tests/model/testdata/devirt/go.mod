module devirt

go 1.27
