module costcases

go 1.27
